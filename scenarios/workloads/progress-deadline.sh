kubectl create deployment web --image=nginx --replicas=2
kubectl get deployment web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\n"}{end}'
sleep 20
kubectl get deployment web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\n"}{end}'
kubectl patch deployment web -p '{"spec":{"progressDeadlineSeconds":60}}'
kubectl set image deployment/web nginx=nginx:1.299
kubectl rollout status deployment/web
echo $?
kubectl get deployment web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\n"}{end}'
kubectl describe deployment web | grep -A4 Conditions
kubectl rollout undo deployment/web
kubectl rollout status deployment/web
kubectl get deployment web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}{"\n"}{end}'
kubectl rollout pause deployment/web
sleep 1
kubectl get deployment web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\n"}{end}'
kubectl set image deployment/web nginx=nginx:1.29
sleep 90
kubectl describe deployment web | grep -A4 Conditions
kubectl rollout resume deployment/web
kubectl get deployment web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\n"}{end}'
kubectl rollout status deployment/web
kubectl get deployment web -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\n"}{end}'
kubectl describe deployment web | grep -A4 Conditions
