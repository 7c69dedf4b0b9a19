kubectl create deployment web --image=nginx:1.27 --image=busybox --port=80 --dry-run=client -o yaml
kubectl create deployment web --image=nginx:1.27 -r 2
kubectl create deployment web --image=nginx:1.27
kubectl create deployment api
kubectl create deployment
kubectl create service clusterip web --tcp=80:8080 --dry-run=client -o yaml
kubectl create service nodeport web-np --tcp=80 --node-port=30080 --dry-run=client -o yaml
kubectl create service loadbalancer web-lb --tcp=443:8443 -o name --dry-run=client
kubectl create service clusterip headless --clusterip=None --dry-run=client -o yaml
kubectl create service clusterip nope
kubectl create service foo x
kubectl create job hello --image=busybox --dry-run=client -o yaml -- echo hello
kubectl create cronjob tick --image=busybox --schedule="*/5 * * * *" --dry-run=client -o yaml -- date
kubectl create cronjob tick --image=busybox
echo 'color=blue' > app.env
echo '# a comment' >> app.env
echo 'size=10' >> app.env
echo 'log_level: debug' > settings.yaml
kubectl create configmap app --from-literal=mode=prod --from-literal=replicas=3 --from-file=settings.yaml --dry-run=client -o yaml
kubectl create configmap app-env --from-env-file=app.env -n dev --dry-run=client -o yaml
kubectl create configmap mixed --from-env-file=app.env --from-literal=a=b
kubectl create configmap twice --from-literal=a=1 --from-literal=a=2
kubectl create configmap app --from-literal=mode=prod
kubectl create configmap app --from-literal=mode=dev
kubectl create configmap bad --from-literal=nokey
kubectl create secret generic db --from-literal=user=admin --from-literal=password='s3cr3t!' --dry-run=client -o yaml
kubectl create secret generic db --from-literal=user=admin
kubectl get secret db -o jsonpath='{.data.user}{"\n"}'
kubectl get secret db -o go-template='{{.data.user | base64decode}}{{"\n"}}'
kubectl create secret docker-registry regcred --docker-username=me --docker-password=pw --dry-run=client -o yaml
kubectl create secret tls web-tls --cert=missing.crt --key=missing.key
kubectl create secret
kubectl create serviceaccount builder --dry-run=client -o yaml
kubectl create sa builder
kubectl create role reader --verb=get,list,watch --resource=pods,deployments.apps --resource=pods/log --dry-run=client -o yaml
kubectl create role reader --verb=fly --resource=pods
kubectl create clusterrole node-reader --verb=get --resource=nodes --dry-run=client -o yaml
kubectl create rolebinding read-pods --role=reader --user=jane --group=devs --serviceaccount=default:builder --dry-run=client -o yaml
kubectl create clusterrolebinding nodes --clusterrole=node-reader --user=jane --dry-run=client -o yaml
kubectl create quota small --hard=cpu=1,memory=1Gi,pods=4 --dry-run=client -o yaml
kubectl create priorityclass high --value=1000 --description="important pods" --dry-run=client -o yaml
kubectl create ingress web --class=nginx --rule="example.com/=web:80" --rule="example.com/api*=api:8080,tls=web-tls" --dry-run=client -o yaml
kubectl create namespace dev --dry-run=client -o yaml
kubectl create namespace dev
kubectl create namespace dev
kubectl create deployment web2 --image=nginx --dry-run=server
kubectl get deploy web2
kubectl create deployment web3 --image=nginx --dry-run=bogus
kubectl create deployment web3 --image=nginx -o jsonpath='{.spec.replicas}{"\n"}'
kubectl create widget x
kubectl run nginx --image=nginx --dry-run=client -o yaml
kubectl run job-runner --image=busybox --port=8080 --env=MODE=dev --labels=app=runner,tier=batch --restart=Never --dry-run=client -o yaml -- sh -c 'echo hi'
kubectl run nginx --image=nginx --dry-run=client -o yaml > pod.yaml
kubectl create -f pod.yaml -o name
kubectl create -f pod.yaml
kubectl apply -f pod.yaml --dry-run=server -o jsonpath='{.metadata.name} {.spec.containers[0].image}{"\n"}'
