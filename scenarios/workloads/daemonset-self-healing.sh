kubectl delete pod -n kube-system -l k8s-app=kube-proxy
sleep 5
kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide
kubectl get ds -A
