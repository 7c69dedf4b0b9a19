# kubelab: --single-node
kubectl get pods -A --field-selector spec.nodeName=kind-control-plane --no-headers | wc -l
kubectl get node kind-control-plane -o jsonpath='{.status.allocatable.pods}{"\n"}'
kubectl create deployment filler --image=registry.k8s.io/pause:3.10.1 --replicas=101
sleep 30
kubectl get deployment filler
kubectl describe node kind-control-plane | grep "Non-terminated Pods"
kubectl run extra --image=registry.k8s.io/pause:3.10.1
sleep 5
kubectl get pod extra
kubectl get events --field-selector involvedObject.name=extra
kubelab explain pod/extra
kubectl scale deployment filler --replicas=100
sleep 10
kubectl get pod extra -o wide
kubectl get events --field-selector involvedObject.name=extra
