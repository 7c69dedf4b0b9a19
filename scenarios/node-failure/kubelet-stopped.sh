# kubelab: --seed 31
kubectl create deployment web --image=nginx --replicas=2
sleep 20
kubectl get pods -o wide
docker exec kind-worker systemctl stop kubelet
docker exec kind-worker systemctl status kubelet
echo $?
sleep 60
kubectl get nodes
kubectl get node kind-worker -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}'
kubectl get pods -o wide
docker exec kind-worker crictl ps --name nginx
kubectl logs -l app=web --prefix --tail=1
docker exec kind-worker systemctl start kubelet
sleep 10
kubectl get nodes
kubectl get pods -o wide
docker exec kind-worker systemctl status kubelet
