cat <<EOF > web.yaml
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  podManagementPolicy: Parallel
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
        image: registry.k8s.io/nginx-slim:0.8
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ordered
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels:
      app: ordered
  template:
    metadata:
      labels:
        app: ordered
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.8
EOF
kubectl apply -f web.yaml
kubectl get pods -l app=nginx
kubectl get pods -l app=ordered
sleep 2
kubectl get pods -l app=nginx
kubectl get pods -l app=ordered
sleep 20
kubectl get pods -l app=nginx
kubectl get pods -l app=ordered
kubectl get sts
kubectl scale sts web --replicas=1
kubectl get pods -l app=nginx
sleep 40
kubectl get pods -l app=nginx
kubectl get events --field-selector involvedObject.name=web
