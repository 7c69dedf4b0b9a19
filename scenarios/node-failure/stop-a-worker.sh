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
sleep 40
kubectl get nodes
sleep 20
kubectl get nodes
kubectl get pods
sleep 5m
kubectl get pods
kubectl get events --field-selector involvedObject.name=web
docker start kind-worker
sleep 15
kubectl get nodes
kubectl get pods
