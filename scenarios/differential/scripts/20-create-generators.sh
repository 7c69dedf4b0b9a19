# kubectl create's generators: real kubectl sends these bodies as Kubernetes protobuf.
kubectl create namespace team-a
kubectl create configmap app-config --from-literal=mode=prod --from-literal=level=3
kubectl create configmap empty-config
kubectl create secret generic db-pass --from-literal=user=admin --from-literal=password=s3cr3t
kubectl create secret docker-registry regcred --docker-server=registry.example.com --docker-username=u --docker-password=p --docker-email=u@example.com
kubectl create deployment web --image=nginx:1.25 --replicas=3 --port=80
kubectl create deployment idle --image=busybox --replicas=0 -- sleep 3600
kubectl create service clusterip my-cs --tcp=5678:8080
kubectl create service clusterip headless --clusterip=None
kubectl create service nodeport my-np --tcp=80:8080 --node-port=30080
kubectl create service loadbalancer my-lb --tcp=5678:8080
kubectl create service externalname my-en --external-name=bar.example.com
kubectl create job hello --image=busybox -- echo hi
kubectl create cronjob tick --image=busybox --schedule="*/5 * * * *" -- date
kubectl create serviceaccount builder
kubectl create serviceaccount builder -n team-a
kubectl create role pod-reader --verb=get,list,watch --resource=pods,deployments.apps
kubectl create rolebinding read-pods --role=pod-reader --user=jane --serviceaccount=default:builder
kubectl create clusterrole node-reader --verb=get,list --resource=nodes
kubectl create clusterrolebinding read-nodes --clusterrole=node-reader --user=jane
kubectl create quota compute --hard=cpu=1,memory=1Gi,pods=10
kubectl create pdb web-pdb --selector=app=web --min-available=2
kubectl create poddisruptionbudget half --selector='app in (web,api),!canary' --max-unavailable=50%
kubectl create pdb none --selector=app=web
kubectl create pdb both --selector=app=web --min-available=1 --max-unavailable=1
kubectl create pdb odd --selector=app=web --min-available=1Gi
kubectl create priorityclass high --value=1000 --description="very important" --preemption-policy=Never
kubectl create ingress shop --class=nginx --rule=foo.com/bar=svc1:8080
kubectl create namespace team-a
kubectl create deployment web --image=nginx
sleep 30
kubectl get ns team-a
kubectl get cm
kubectl get secrets
kubectl get deploy
kubectl get deploy web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[0].ports[0].containerPort}'
kubectl get deploy idle -o jsonpath='{.spec.replicas}'
kubectl get svc
kubectl get job hello -o jsonpath='{.spec.template.spec.containers[0].command}'
kubectl get cronjob
kubectl get sa
kubectl get role pod-reader -o yaml
kubectl get rolebinding read-pods -o wide
kubectl get clusterrole node-reader -o jsonpath='{.rules}'
kubectl get clusterrolebinding read-nodes -o wide
kubectl get quota compute -o jsonpath='{.spec.hard}'
kubectl get pc high
kubectl get ing
kubectl get secret db-pass -o jsonpath='{.data.password}'
kubectl get cm app-config -o yaml
kubectl get deploy web -o yaml
kubectl get svc my-np -o yaml
kubectl get secret regcred -o yaml
kubectl get cronjob tick -o yaml
kubectl get job hello -o yaml
kubectl get ing shop -o yaml
kubectl get pc high -o yaml
kubectl get ns team-a -o yaml
kubectl get sa builder -o yaml
kubectl get quota compute -o yaml
kubectl describe quota compute
kubectl describe svc my-cs
kubectl describe ing shop
kubectl get pdb
kubectl get pdb web-pdb -o yaml
kubectl get pdb half -o yaml
kubectl describe pdb web-pdb
kubectl run tuned --image=nginx --overrides='{"spec":{"containers":[{"name":"tuned","image":"nginx","resources":{"requests":{"cpu":"100m"}}}]}}' --dry-run=client -o yaml
kubectl run odd --image=nginx --override-type=yaml --overrides='{}'
kubectl run bad --image=nginx --overrides='{nope'
kubectl expose deployment web --port=80 --overrides='{"spec":{"type":"NodePort"}}' --dry-run=client -o yaml
