kubectl run web --image=nginx
sleep 10
docker exec -it kind-control-plane /bin/bash
hostname
ls /etc/kubernetes/manifests
cat /etc/kubernetes/manifests/kube-scheduler.yaml
crictl ps
crictl pods
systemctl status kubelet
cd /root
pwd
exit
docker exec kind-worker crictl ps
docker exec -it kind-worker bash
cat /var/lib/kubelet/config.yaml | grep -E "clusterDNS|10.96|staticPodPath"
exit 3
echo $?
docker exec kind-worker grep -E "clusterDNS|staticPodPath" /var/lib/kubelet/config.yaml
docker exec kind-worker sh -c 'echo one; echo two | wc -l'
docker exec nope bash
docker stop kind-worker2
docker exec -it kind-worker2 bash
docker exec
kubectl run api --image=nginx --overrides='{"spec":{"nodeName":"kind-control-plane"}}'
sleep 10
docker exec kind-control-plane crictl ps --name 'kube-(proxy|scheduler)'
docker exec kind-control-plane crictl ps --namespace default -q
docker exec kind-control-plane crictl pods --name etcd
docker exec kind-control-plane crictl pods --namespace=kube-system --state ready
docker exec kind-control-plane crictl ps --bogus
docker exec kind-control-plane crictl ps --name
