kubectl get serviceaccounts
kubectl create token default
kubectl create token default | cut -d. -f1 | base64 -d
echo
kubectl create token default | cut -d. -f2 | base64 -d
echo
kubectl create serviceaccount build-bot --dry-run=client -o yaml
kubectl create serviceaccount build-bot
kubectl get serviceaccount build-bot
kubectl describe serviceaccount build-bot
kubectl create token build-bot --duration=10m --audience=https://example.com | cut -d. -f2 | base64 -d
echo
kubectl create token build-bot --duration=10m -o jsonpath='{.spec.expirationSeconds} {.status.expirationTimestamp}{"\n"}'
kubectl create token build-bot --duration=1m
kubectl create token build-bot --bound-object-name=x
kubectl create token missing
kubectl create serviceaccount build-bot
kubectl get sa -n kube-system kube-proxy
