kubectl get -h | head -4
kubectl help drain | tail -3
kubectl rollout | head -3
kubectl version
kubectl version --client
kubectl cluster-info
kubectl api-resources --api-group=apps
kubectl api-resources --namespaced=false -o name | head -5
kubectl api-resources -o wide --api-group=batch
kubectl api-versions
kubectl config get-contexts
kubectl config current-context
kubectl config view
kubectl config set-context --current --namespace=kube-system
kubectl config get-contexts
kubectl get deploy
kubectl -n default get deploy
kubectl config set-context --current --namespace=default
kubectl config use-context kind-nope
kubectl config view --minify -o jsonpath='{.contexts[0].context.namespace}{"\n"}'
kubectl auth can-i create deployments
kubectl auth can-i '*' '*'
kubectl auth can-i list pods --as=system:serviceaccount:default:default
kubectl create role pod-reader --verb=get,list --resource=pods
kubectl create rolebinding sa-reads --role=pod-reader --serviceaccount=default:default
kubectl auth can-i list pods --as=system:serviceaccount:default:default
kubectl auth can-i delete pods --as=system:serviceaccount:default:default
kubectl auth can-i list pods --as=system:serviceaccount:default:default -n kube-system
kubectl top nodes
kubectl top pods -A
kubectl create deployment web --image=nginx --replicas=2
kubectl wait --for=condition=Available deployment/web --timeout=60s
kubectl wait --for=jsonpath='{.status.readyReplicas}'=2 deployment/web
kubectl wait --for=condition=Ready pod -l app=web
kubectl wait --for=condition=Ready pod/missing
kubectl run slow --image=nginx:does-not-exist
kubectl wait --for=condition=Ready pod/slow --timeout=5s
kubectl delete pod slow --wait=false
kubectl wait --for=delete pod/slow --timeout=1m
kubectl wait --for=nonsense pod/slow
kubectl expose deployment web --port=80 --target-port=8080 --type=NodePort --dry-run=client -o yaml
kubectl expose deployment web --port=80
kubectl get svc web
kubectl expose deployment web --port=80
kubectl run bare --image=nginx
kubectl label pod bare run-
kubectl expose pod bare --port=80
kubectl autoscale deployment web --min=2 --max=5 --cpu=70% --memory=256Mi --dry-run=client -o yaml
kubectl autoscale deployment web --max=5 --cpu-percent=70 --dry-run=client
kubectl autoscale deployment web --max=5 --cpu=lots
kubectl autoscale deployment web --max=4
kubectl autoscale deployment web --max=0
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl patch deployment web --type=merge -p 'spec: {replicas: 2}'
kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'
kubectl patch deployment web --type=bogus -p '{}'
kubectl patch deployment web
kubectl patch deployment nope -p '{"spec":{"replicas":1}}'
kubectl annotate deployment web owner=team-a
kubectl annotate deployment web owner=team-b
kubectl annotate deployment web owner=team-b --overwrite
kubectl annotate deployment web owner-
kubectl get deploy web -o yaml > web.yaml
kubectl replace -f web.yaml
kubectl replace --force -f web.yaml
kubectl edit deployment web
cat /tmp/kubectl-edit-1.yaml | head -6
kubectl get deploy web
kubectl run tuned --image=nginx --overrides='{"spec":{"containers":[{"name":"tuned","image":"nginx","resources":{"requests":{"cpu":"100m"}}}]}}' --dry-run=client -o jsonpath='{.spec.containers[0].resources}{"\n"}'
kubectl run pinned --image=nginx --override-type=strategic --overrides='{"spec":{"nodeSelector":{"kubernetes.io/hostname":"kind-worker2"}}}'
kubectl get pod pinned -o jsonpath='{.spec.nodeSelector}{"\n"}'
kubectl run odd --image=nginx --override-type=yaml --overrides='{}'
