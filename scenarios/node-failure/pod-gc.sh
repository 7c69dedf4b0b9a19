kubectl create deployment web --image=nginx --replicas=4
kubectl run solo --image=nginx
sleep 10
kubectl get pods -o wide
kubectl delete node kind-worker2
kubectl get pods -o wide
sleep 30
kubectl get pods -o wide
sleep 30
kubectl get pods -o wide
kubectl get nodes
docker stop kind-worker
sleep 60
kubectl get nodes
kubectl delete pod -l app=web --wait=false
kubectl get pods -o wide
sleep 60
kubectl get pods -o wide
kubectl taint node kind-worker node.kubernetes.io/out-of-service=nodeshutdown:NoExecute
sleep 20
kubectl get pods -o wide
docker start kind-worker
sleep 30
kubectl get nodes
kubectl taint node kind-worker node.kubernetes.io/out-of-service=nodeshutdown:NoExecute-
sleep 10
kubectl get pods -o wide
