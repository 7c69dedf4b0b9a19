kubectl get storageclass
cat <<EOF > claim.yaml
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: standard
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
EOF
kubectl apply -f claim.yaml
sleep 2
kubectl get pvc
cat <<EOF > user.yaml
apiVersion: v1
kind: Pod
metadata:
  name: user
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
---
apiVersion: v1
kind: Pod
metadata:
  name: orphan
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: missing
EOF
kubectl apply -f user.yaml
sleep 10
kubectl get pods -o wide
kubectl get pvc
kubectl get pv
kubectl get pvc data -o yaml
kubectl describe pod orphan | tail -3
kubelab explain pod/user
kubectl delete pod user
kubectl delete pvc data
sleep 5
kubectl get pv
