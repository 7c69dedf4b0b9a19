# Verbs the other scripts leave out: logs, wait, api-resources, autoscale, set, rollout history/undo, cordon, label/annotate edits.
# (drain is not here: real kubectl polls for the evicted pods to go, and the served cluster moves its clock only while a watch waits.)
kubectl create deployment hello --image=nginx:1.27 --replicas=2
kubectl wait --for=condition=available deployment/hello --timeout=120s
kubectl rollout history deployment/hello
kubectl set image deployment/hello nginx=nginx:1.28
kubectl rollout status deployment/hello --timeout=120s
kubectl rollout history deployment/hello
kubectl rollout history deployment/hello --revision=2
kubectl rollout undo deployment/hello
kubectl rollout status deployment/hello --timeout=120s
kubectl set env deployment/hello MODE=test
kubectl set resources deployment/hello -c=nginx --limits=cpu=200m,memory=256Mi
kubectl rollout status deployment/hello --timeout=120s
kubectl autoscale deployment hello --min=2 --max=5 --cpu-percent=80
kubectl get hpa
kubectl run one --image=busybox:1.36 --restart=Never -- echo hello from one
kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/one --timeout=60s
kubectl logs one
kubectl logs pod/one --timestamps=false
kubectl logs one -c nope
kubectl logs nope
kubectl label pod one tier=batch
kubectl label pod one tier=web
kubectl label pod one tier=web --overwrite
kubectl label pod one tier-
kubectl annotate pod one note=first
kubectl annotate pod one note=second --overwrite
kubectl get pod one --show-labels
kubectl api-resources --api-group=apps
kubectl api-resources --namespaced=false --no-headers
kubectl cordon kind-worker2
kubectl get nodes
kubectl uncordon kind-worker2
kubectl delete pod one
kubectl delete hpa hello
kubectl delete deployment hello
kubectl wait --for=delete deployment/hello --timeout=30s
