kubectl create deployment web --image=nginx --replicas=2
sleep 20
kubectl patch deployment web -p '{"spec":{"progressDeadlineSeconds":60}}'
kubectl set image deployment/web nginx=nginx:1.299
kubectl rollout status deployment/web
echo $?
kubectl get deployment web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\n"}{end}'
kubectl describe deployment web | grep -A3 Conditions
kubectl rollout undo deployment/web
kubectl rollout status deployment/web
kubectl get deployment web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}{"\n"}{end}'
