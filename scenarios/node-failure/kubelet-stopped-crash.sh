# kubelab: --seed 32
kubectl run crasher --image=busybox --overrides='{"spec":{"nodeName":"kind-worker"}}' -- sh -c 'echo up; sleep 40; exit 1'
sleep 15
kubectl get pods -o wide
docker exec kind-worker systemctl stop kubelet
sleep 90
docker exec kind-worker crictl ps -a --name crasher
kubectl get pods
sleep 120
docker exec kind-worker crictl ps -a --name crasher
kubectl get pods
docker exec kind-worker systemctl start kubelet
sleep 5
kubectl get pods
docker exec kind-worker crictl ps -a --name crasher
