cat <<EOF > hungry.yaml
apiVersion: v1
kind: Pod
metadata:
  name: hungry
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
        memory: 4Gi
EOF
kubectl apply -f hungry.yaml
sleep 5
kubectl get pod hungry -o wide
cat <<EOF > more.yaml
apiVersion: v1
kind: Pod
metadata:
  name: hungry2
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
        memory: 4Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: hungry3
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
        memory: 4Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: memory-hog
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "100m"
        memory: 64Gi
EOF
kubectl apply -f more.yaml
sleep 5
kubectl get pods -o wide
kubectl describe pod hungry3 | tail -3
kubectl describe pod memory-hog | tail -3
kubectl delete pod hungry hungry2 hungry3 memory-hog
cat <<EOF > ports.yaml
apiVersion: v1
kind: Pod
metadata:
  name: port-a
spec:
  nodeSelector:
    kubernetes.io/hostname: kind-worker
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
      hostPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: port-b
spec:
  nodeSelector:
    kubernetes.io/hostname: kind-worker
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
      hostPort: 8080
EOF
kubectl apply -f ports.yaml
sleep 5
kubectl get pods -o wide
kubectl get events --field-selector involvedObject.name=port-b
kubelab explain pod/port-b
