kubectl create deployment web --image=nginx:1.27 --replicas=3
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.28
kubectl rollout status deploy/web
kubectl rollout history deployment/web
kubectl rollout history deployment/web --revision=2
kubectl rollout history deployment/web --revision=9
kubectl rollout undo deployment/web --to-revision=9
kubectl rollout undo deployment/web
kubectl rollout status deployment/web --timeout=2s
kubectl rollout status deployment/web
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}{"\n"}'
kubectl rollout history deployment/web
kubectl rollout undo deployment/web --to-revision=3
kubectl rollout pause deployment/web
kubectl rollout pause deployment/web
kubectl set image deployment/web nginx=nginx:1.29
kubectl rollout status deployment/web --watch=false
kubectl rollout undo deployment/web
kubectl rollout restart deployment/web
kubectl rollout resume deployment/web
kubectl rollout resume deployment/web
kubectl rollout status deployment/web
kubectl rollout restart deployment/web
kubectl get deploy web -o jsonpath='{.spec.template.metadata.annotations}{"\n"}'
kubectl rollout status deployment/web
kubectl set image deployment/web nope=nginx
kubectl set env deployment/web MODE=prod LEVEL=3
kubectl set env deployment/web --list
kubectl set env deployment/web LEVEL-
kubectl set resources deployment/web --requests=cpu=100m --limits=memory=256Mi
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].resources}{"\n"}'
kubectl rollout status pod/x
kubectl run solo --image=nginx
kubectl rollout status pod/solo
kubectl rollout history pod/solo
kubectl rollout frobnicate deployment/web
