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
