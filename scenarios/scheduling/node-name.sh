kubectl cordon kind-worker
cat <<EOF > pinned.yaml
apiVersion: v1
kind: Pod
metadata:
  name: pinned
spec:
  nodeName: kind-worker
  containers:
  - name: web
    image: nginx:1.27
EOF
kubectl apply -f pinned.yaml
sleep 10
kubectl get pod pinned -o wide
kubectl get events --field-selector involvedObject.name=pinned
kubelab explain pod/pinned
kubectl run nowhere --image=nginx:1.27 --overrides='{"apiVersion":"v1","spec":{"nodeName":"no-such-node"}}'
sleep 5
kubectl get pod nowhere -o wide
sleep 60
kubectl get pod nowhere
