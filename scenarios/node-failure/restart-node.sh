# kubelab: --seed 21
cat <<EOF > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  nodeName: kind-worker
  containers:
  - name: web
    image: nginx:1.27
EOF
kubectl apply -f pod.yaml
sleep 10
kubectl get pods -o wide
docker stop kind-worker
sleep 60
kubectl get nodes
kubectl logs web
docker start kind-worker
kubectl get nodes
sleep 10
kubectl get nodes
kubectl get pods -o wide
sleep 5
kubectl get node kind-worker -o jsonpath='{.spec.taints}'
echo
kubectl get pod web -o jsonpath='{.status.containerStatuses[0].lastState.terminated}'
echo
kubectl get events --field-selector involvedObject.name=web,reason=SandboxChanged
kubectl logs web -p --tail=2
