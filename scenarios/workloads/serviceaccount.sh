kubectl get serviceaccounts
kubectl create serviceaccount build-bot --dry-run=client -o yaml
kubectl create serviceaccount build-bot
kubectl get serviceaccount build-bot
kubectl describe serviceaccount build-bot
kubectl create serviceaccount build-bot
kubectl get sa -n kube-system kube-proxy
