kubectl get pods -v=6
kubectl run nginx --image=nginx -v=6
kubectl get pod nginx -v=7 -o name
kubectl delete pod missing -v=6
kubectl get nodes -v=5
