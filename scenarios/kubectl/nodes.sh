kubectl create deployment web --image=nginx --replicas=4
kubectl run solo --image=nginx
sleep 10
kubectl taint nodes kind-worker dedicated=gpu:NoSchedule
kubectl taint nodes kind-worker dedicated=gpu:NoSchedule
kubectl taint nodes kind-worker dedicated=gpu:NoSchedule --overwrite
kubectl get node kind-worker -o jsonpath='{.spec.taints}{"\n"}'
kubectl taint nodes kind-worker dedicated:NoSchedule-
kubectl taint nodes kind-worker dedicated:NoSchedule-
kubectl taint nodes kind-worker dedicated=gpu:Sometimes
kubectl taint nodes kind-worker
kubectl cordon kind-worker
kubectl cordon kind-worker
kubectl get nodes
kubectl uncordon kind-worker
kubectl uncordon kind-worker
# Several nodes at once, by name or TYPE/NAME
kubectl cordon kind-worker node/kind-worker2
kubectl uncordon kind-worker kind-worker2
kubectl get pods -o wide --sort-by=.spec.nodeName -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName
kubectl drain kind-worker
echo $?
cat <<EOF | kubectl apply -f -
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
spec:
  minAvailable: 4
  selector:
    matchLabels:
      app: web
EOF
kubectl drain kind-worker --ignore-daemonsets --force --timeout=12s
echo $?
kubectl patch pdb web-pdb --type=merge -p '{"spec":{"minAvailable":3}}'
kubectl drain kind-worker --ignore-daemonsets --force
kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,PHASE:.status.phase
kubectl delete pdb web-pdb
kubectl drain kind-worker --ignore-daemonsets --force
kubectl get nodes
kubectl uncordon kind-worker
