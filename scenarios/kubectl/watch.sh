kubectl create deployment web --image=nginx --replicas=2
kubectl get pods -w
kubectl get deploy web -w --output-watch-events
kubectl delete pod -l app=web --wait=false
kubectl get pods -l app=web -w -o name
kubectl get pods,deploy -w
