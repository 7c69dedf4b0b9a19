cat <<EOF > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
EOF
kubectl apply -f pod.yaml
kubectl get pods -o wide
cat <<EOF > big.yaml
apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: big
    image: nginx:1.27
    resources:
      requests:
        cpu: "100"
EOF
kubectl apply -f big.yaml
sleep 20
kubectl get pods
kubectl describe pod big
kubectl get events
kubelab explain pod/nginx
kubelab explain pod/big
