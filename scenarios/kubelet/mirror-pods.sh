kubectl get pods -n kube-system kube-scheduler-kind-control-plane
sleep 30
kubectl delete pod -n kube-system kube-scheduler-kind-control-plane
sleep 2
kubectl get pods -n kube-system kube-scheduler-kind-control-plane
kubectl get pod -n kube-system kube-scheduler-kind-control-plane -o jsonpath='{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.status.phase}{"\n"}'
kubectl delete pod -n kube-system etcd-kind-control-plane --grace-period=0 --force
sleep 2
kubectl get pods -n kube-system etcd-kind-control-plane
