# kubelab: --seed 41
kubectl create deployment web --image=nginx --replicas=2
sleep 20
kubectl get pods -o wide
docker exec kind-worker systemctl stop containerd
docker exec kind-worker systemctl status containerd
echo $?
docker exec kind-worker crictl ps
echo $?
sleep 40
kubectl get nodes
kubectl get node kind-worker -o jsonpath='{range .status.conditions[?(@.type=="Ready")]}{.status} {.reason}: {.message}{"\n"}{end}'
kubectl get node kind-worker -o jsonpath='{range .spec.taints[*]}{.key}:{.effect}{"\n"}{end}'
kubectl get lease -n kube-node-lease kind-worker -o jsonpath='{.spec.renewTime}{"\n"}'
sleep 160
kubectl get node kind-worker -o jsonpath='{range .status.conditions[?(@.type=="Ready")]}{.status} {.reason}: {.message}{"\n"}{end}'
sleep 160
kubectl get pods -o wide
docker exec kind-worker systemctl start containerd
sleep 15
kubectl get nodes
kubectl get node kind-worker -o jsonpath='{.spec.taints}{"\n"}'
kubectl get pods -o wide
docker exec kind-worker crictl ps --name nginx
