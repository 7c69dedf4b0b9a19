kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl run nginx --image=nginx --labels=app=nginx,tier=front
sleep 10
kubectl get pod/nginx
kubectl get pods,svc
kubectl get svc,pods -l app=nginx
kubectl get deploy web --show-kind
kubectl get pods -L app -L tier
kubectl get pods -o name
kubectl get pods --sort-by=.metadata.name -o name
kubectl get pods --sort-by='{.spec.containers[0].image}'
kubectl get pods -o jsonpath='{.items[*].metadata.name}'
echo
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.spec.nodeName}{"\n"}{end}'
kubectl get pod nginx -o jsonpath='{.metadata.labels}'
echo
kubectl get pod nginx -o jsonpath='{.spec.containers[0].image}{"\n"}'
kubectl get nodes -o jsonpath='{.items[*].status.conditions[?(@.type=="Ready")].status}{"\n"}'
kubectl get nodes -o jsonpath='{.items[-1:].metadata.name}{"\n"}'
kubectl get deploy web -o jsonpath='{..image}{"\n"}'
kubectl get pods -l app=web -o jsonpath-as-json='{.items[*].spec.containers[0].image}'
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,MISSING:.spec.foo
kubectl get pods -o custom-columns=NAME:.metadata.name --no-headers --sort-by=.metadata.name
cat <<EOF > cols.txt
NAME          NODE
.metadata.name   .spec.nodeName
EOF
kubectl get pods -l app=web -o custom-columns-file=cols.txt
kubectl get pods -o go-template='{{range .items}}{{.metadata.name}} {{len .spec.containers}} {{index .metadata.labels "app"}}{{"\n"}}{{end}}'
kubectl get deploy web -o go-template='{{.metadata.name}} has {{.spec.replicas}} replicas{{if .spec.paused}} (paused){{else}} (running){{end}}{{"\n"}}'
kubectl get deploy web -o go-template='{{printf "%s/%d" .metadata.name 7}} {{.metadata.nope}}{{"\n"}}'
kubectl get pod nginx -o yaml | head -8
kubectl get pod nginx web -o yaml | head -4
kubectl get pods -l app=nginx -o yaml | tail -4
kubectl get deploy web -o json | head -6
kubectl get pods -o jsonpath='{.items[}'
echo $?
kubectl get pods -o jsonpath='{.items[0].metadata.name'
kubectl get pods -o custom-columns=NAME
kubectl get pods --sort-by=.spec.nope
kubectl get pods -o yaml --show-labels
kubectl get pods -o table
kubectl get pods --output-watch-events
kubectl get pods --foo
kubectl get --raw /readyz
echo
kubectl get --raw '/api/v1/namespaces/default/services?limit=1' | grep -c kubernetes
kubectl get --raw /api/v1/pods -o yaml
