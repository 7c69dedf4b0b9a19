kubectl get nodes
kubectl get pods -A
cat <<EOF2 > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: nginx-pod
spec:
  containers:
  - name: nginx
    image: nginx:alpine
EOF2
kubectl apply -f pod.yaml
cat <<EOF2 > nginx-deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:alpine
EOF2
kubectl apply -f nginx-deployment.yaml
kubectl apply -f nginx-deployment.yaml
kubectl get pod,deploy
kubectl describe node kind-worker
kubectl get pods nope
kubectl delete pod nginx-pod
kubectl delete -f nginx-deployment.yaml
kubectl get pods
