# Deployments through their life: apply, scale, expose, roll out, roll back; labels and output formats.
cat <<EOF2 | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
        ports:
        - containerPort: 80
EOF2
kubectl rollout status deployment/web
kubectl get deploy,rs -o wide
kubectl scale deployment web --replicas=4
sleep 10
kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,PHASE:.status.phase
kubectl get pods --sort-by=.metadata.name -o name
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.podIP}{"\n"}{end}'
kubectl expose deployment web --port=80 --target-port=80 --name=web-svc
kubectl get svc web-svc -o wide
kubectl describe svc web-svc
kubectl get endpointslices -l kubernetes.io/service-name=web-svc
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl rollout undo deployment/web
kubectl rollout status deployment/web
kubectl get rs
kubectl annotate deployment web owner=team-a
kubectl label deployment web tier=frontend
kubectl get deploy web --show-labels
kubectl get deploy web -L tier
kubectl describe deployment web
kubectl cordon kind-worker
kubectl get nodes
kubectl uncordon kind-worker
kubectl taint nodes kind-worker2 dedicated=special:NoSchedule
kubectl taint nodes kind-worker2 dedicated=special:NoSchedule-
kubectl top nodes
kubectl config current-context
kubectl config get-contexts
kubectl api-versions
kubectl delete svc web-svc
kubectl delete deployment web
