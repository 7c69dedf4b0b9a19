# The foundation's first steps, through both kubectls.
kubectl get nodes
kubectl get nodes -o wide
kubectl get pods -A
kubectl get pods -A -o wide
kubectl get ns
kubectl get all -A
kubectl get cm -A
kubectl get sa
kubectl get secrets -A
kubectl get lease -n kube-node-lease
kubectl get ds -A
kubectl get pc
kubectl get sc
kubectl describe ns default
kubectl describe sa default
kubectl describe node kind-worker
cat <<EOF2 > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: nginx-pod
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:alpine
EOF2
kubectl apply -f pod.yaml
kubectl apply -f pod.yaml
sleep 20
kubectl get pods
kubectl get pod nginx-pod -o wide
kubectl get pod nginx-pod -o name
kubectl describe pod nginx-pod
kubectl label pod nginx-pod tier=frontend
kubectl get pods --show-labels
kubectl get pods -l app=web
kubectl get pods -l app!=web
kubectl get pods -l 'tier in (frontend,backend)'
kubectl get events
kubectl get pods nope
kubectl get foo
kubectl delete pod nope
kubectl delete deployment
kubectl version
kubectl cluster-info
kubectl delete pod nginx-pod
kubectl get pods
cat <<EOF2 | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
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
        image: nginx:1.14.2
        ports:
        - containerPort: 80
EOF2
sleep 30
kubectl get deploy,rs,pods
kubectl describe deployment nginx-deployment
kubectl describe rs
kubectl scale deployment nginx-deployment --replicas=5
sleep 10
kubectl get pods -o wide
kubectl get node kind-worker --show-labels
kubectl delete deployment nginx-deployment
kubectl get all
