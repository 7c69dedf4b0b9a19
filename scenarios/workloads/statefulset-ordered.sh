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
  replicas: 2
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
kubectl get pods -l app=nginx
sleep 2
kubectl get pods -l app=nginx
sleep 2
kubectl get pods -l app=nginx
sleep 10
kubectl get pods -l app=nginx
kubectl get statefulset web
kubectl get pvc -l app=nginx
kubectl get service nginx
kubectl get pods -l app=nginx -o custom-columns=NAME:.metadata.name,HOSTNAME:.spec.hostname,SUBDOMAIN:.spec.subdomain
kubectl get pods -l app=nginx -L apps.kubernetes.io/pod-index,statefulset.kubernetes.io/pod-name
kubectl exec web-0 -- hostname
kubectl run -i --tty --image busybox:1.36 dns-test --restart=Never --rm
nslookup web-0.nginx
nslookup web-1.nginx.default.svc.cluster.local
exit
kubectl delete pod -l app=nginx
kubectl get pods -l app=nginx
sleep 30
kubectl get pods -l app=nginx
sleep 10
kubectl get pods -l app=nginx -o wide
kubectl scale sts web --replicas=5
sleep 3
kubectl get pods -l app=nginx
sleep 20
kubectl get pods -l app=nginx
kubectl get pvc -l app=nginx
kubectl scale sts web --replicas=2
kubectl get pods -w -l app=nginx
kubectl get pvc -l app=nginx
kubectl get events --field-selector involvedObject.kind=StatefulSet
