kubectl cordon kind-worker
kubectl cordon kind-worker2
kubectl run parked --image=nginx:1.27
sleep 2
kubectl get pod parked
kubectl get events --field-selector involvedObject.name=parked
kubectl uncordon kind-worker2
sleep 5
kubectl get pod parked -o wide
cat <<EOF > gpu.yaml
apiVersion: v1
kind: Pod
metadata:
  name: trainer
spec:
  containers:
  - name: train
    image: nginx:1.27
    resources:
      limits:
        nvidia.com/gpu: 1
---
apiVersion: v1
kind: Pod
metadata:
  name: scratch
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        ephemeral-storage: 10Ti
EOF
kubectl apply -f gpu.yaml
sleep 2
kubectl get pods trainer scratch
kubectl get events --field-selector involvedObject.name=trainer
kubectl get events --field-selector involvedObject.name=scratch
