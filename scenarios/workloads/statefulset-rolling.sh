cat <<EOF > web.yaml
apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
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
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
EOF
kubectl apply -f web.yaml
kubectl rollout status sts/web
kubectl get pods -l app=nginx -L controller-revision-hash
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'
kubectl set image statefulset/web nginx=registry.k8s.io/nginx-slim:0.21
kubectl rollout status sts/web
kubectl get pods -l app=nginx -L controller-revision-hash
kubectl get pods -l app=nginx -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl delete pod web-1
sleep 5
kubectl get pods -l app=nginx -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl get sts web -o jsonpath='{.status.currentRevision} {.status.updateRevision} {.status.currentReplicas} {.status.updatedReplicas}{"\n"}'
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}}}'
kubectl rollout status sts/web
kubectl get pods -l app=nginx -L controller-revision-hash
kubectl get controllerrevisions
kubectl get sts web -o wide
kubectl get sts web -o jsonpath='{.status.currentRevision} {.status.updateRevision} {.status.currentReplicas} {.status.updatedReplicas}{"\n"}'
kubectl rollout history statefulset/web
kubectl rollout history statefulset/web --revision=1
kubectl rollout undo statefulset/web
kubectl rollout status statefulset/web
kubectl rollout history statefulset/web
kubectl rollout undo statefulset/web --to-revision=3
kubectl rollout undo statefulset/web --to-revision=7
kubectl get controllerrevisions
kubectl get pods -l app=nginx -L controller-revision-hash
kubectl get events --field-selector involvedObject.kind=StatefulSet
