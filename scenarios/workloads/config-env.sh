kubectl create configmap app-config --from-literal=COLOR=blue --from-literal=MODE=fast
kubectl create secret generic db --from-literal=password=s3cret
kubectl get secret db
cat <<EOF > app.yaml
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
    envFrom:
    - configMapRef:
        name: app-config
      prefix: APP_
    env:
    - name: COLOR
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: COLOR
    - name: PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
EOF
kubectl apply -f app.yaml
sleep 10
kubectl exec app -- env | grep -E 'APP_|COLOR|PASSWORD'
cat <<EOF > early.yaml
apiVersion: v1
kind: Pod
metadata:
  name: early
spec:
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
    env:
    - name: LEVEL
      valueFrom:
        configMapKeyRef:
          name: later
          key: LEVEL
EOF
kubectl apply -f early.yaml
sleep 20
kubectl get pod early
kubectl describe pod early | tail -4
kubectl create configmap later --from-literal=LEVEL=debug
sleep 20
kubectl get pod early
kubectl exec early -- env | grep LEVEL
