cat <<EOF > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
EOF
kubectl apply -f pod.yaml
kubectl get pods -o wide
sleep 1
kubectl get pods
sleep 5
kubectl get pods -o wide
kubectl describe pod nginx
cat <<EOF > typo.yaml
apiVersion: v1
kind: Pod
metadata:
  name: typo
spec:
  containers:
  - name: web
    image: ngnix
EOF
kubectl apply -f typo.yaml
sleep 3
kubectl get pods
sleep 30
kubectl get pods
kubectl delete pod nginx
kubectl get pods
