# `__proto__` and `constructor` as field names are unknown fields like any other (found by the corpus fuzz: they crashed the decoder).
cat <<'EOF' > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: odd
spec:
  __proto__:
  - name: c
    image: nginx
  constructor: 1
  containers:
  - name: c
    image: nginx
EOF
kubectl apply -f pod.yaml
kubectl create -f pod.yaml --validate=false
kubectl get pods
