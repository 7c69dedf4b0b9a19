# kubelab: --seed 3
kubectl create deployment web --image=nginx --replicas=3
kubectl rollout status deployment/web
kubectl get pods -o wide
date
docker stop kind-worker
kubectl get nodes
sleep 5
date
kubectl get nodes
sleep 35
date
kubectl get nodes
kubectl get lease kind-worker -n kube-node-lease -o jsonpath='{.spec.renewTime}'
echo
sleep 15
date
kubectl get nodes
kubectl get node kind-worker -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}'
kubectl get node kind-worker -o jsonpath='{range .spec.taints[*]}{.key}:{.effect} {.timeAdded}{"\n"}{end}'
kubectl get pods -o wide
kubectl get pod -l app=web -o jsonpath='{range .items[*]}{.metadata.name} Ready={.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}'
sleep 300
date
kubectl get pods -o wide
kubectl get events --field-selector reason=TaintManagerEviction
kubectl get events --field-selector involvedObject.kind=Node,involvedObject.name=kind-worker
docker start kind-worker
sleep 20
kubectl get nodes
kubectl get pods -o wide
