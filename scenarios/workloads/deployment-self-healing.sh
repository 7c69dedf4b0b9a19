cat <<EOF > nginx-deployment.yaml
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
EOF
kubectl apply -f nginx-deployment.yaml
kubectl get deployments
sleep 10
kubectl get deployments
kubectl get pods -l app=nginx
kubectl get rs
kubectl get pods -n kube-system
kubectl delete pod nginx-deployment-845b4d6cb4-5c65x
kubectl get pods -l app=nginx
sleep 5
kubectl get pods -l app=nginx
kubectl describe deployment nginx-deployment
