# kubelab: --seed 12
kubectl run web --image=nginx:1.277
sleep 2
kubectl get pod web
sleep 3
kubectl get pod web
kubectl logs web
kubectl describe pod web
sleep 60
kubectl get pod web
kubectl get events --field-selector involvedObject.name=web,reason=BackOff
kubectl set image pod/web web=nginx:1.27
sleep 30
kubectl get pod web
