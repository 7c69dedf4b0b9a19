kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide
docker stop kind-worker2
kubectl delete node kind-worker2
sleep 70
kubectl get nodes
kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide
docker start kind-worker2
sleep 30
kubectl get nodes
kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide
kubectl get ds kube-proxy -n kube-system
