kubectl get endpoints -A
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
cat <<EOF > nginx-service.yaml
apiVersion: v1
kind: Service
metadata:
  name: nginx-service
spec:
  selector:
    app: nginx
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
EOF
kubectl apply -f nginx-service.yaml
kubectl get services
kubectl get endpoints
sleep 10
kubectl get endpoints
kubectl get endpointslices
kubectl describe deployment nginx-deployment
kubectl describe service nginx-service
kubectl describe rs
