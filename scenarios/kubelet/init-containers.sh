# kubelab: --seed 13
cat <<EOF > myapp.yaml
apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.\$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.\$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
EOF
kubectl apply -f myapp.yaml
sleep 10
kubectl get pod myapp-pod
kubectl logs myapp-pod
kubectl logs myapp-pod -c init-myservice --tail=5
kubectl create service clusterip myservice --tcp=80:9376
sleep 5
kubectl get pod myapp-pod
kubectl create service clusterip mydb --tcp=80:9377
sleep 5
kubectl get pod myapp-pod
kubectl logs myapp-pod
kubectl get pod myapp-pod -o jsonpath='{range .status.initContainerStatuses[*]}{.name}: {.state.terminated.reason} ready={.ready}{"\n"}{end}'
cat <<EOF > bad-init.yaml
apiVersion: v1
kind: Pod
metadata:
  name: bad-init
spec:
  restartPolicy: Never
  initContainers:
  - name: migrate
    image: busybox:1.36
    command: ['sh', '-c', 'echo migrating; exit 1']
  containers:
  - name: app
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: looping-init
spec:
  initContainers:
  - name: migrate
    image: busybox:1.36
    command: ['sh', '-c', 'echo migrating; exit 1']
  containers:
  - name: app
    image: nginx
EOF
kubectl apply -f bad-init.yaml
sleep 30
kubectl get pods bad-init looping-init
kubectl logs looping-init -c migrate
kubectl get pod bad-init -o jsonpath='{.status.phase} {.status.conditions[?(@.type=="Initialized")].message}'
echo
cat <<EOF > side.yaml
apiVersion: v1
kind: Pod
metadata:
  name: sidecar
spec:
  initContainers:
  - name: logshipper
    image: alpine:latest
    restartPolicy: Always
    command: ['sh', '-c', 'tail -F /opt/logs.txt']
  - name: setup
    image: busybox:1.36
    command: ['sh', '-c', 'echo setting up']
  containers:
  - name: myapp
    image: alpine:latest
    command: ['sh', '-c', 'while true; do echo "logging" >> /opt/logs.txt; sleep 1; done']
EOF
kubectl apply -f side.yaml
sleep 1
kubectl get pod sidecar
sleep 10
kubectl get pod sidecar
kubectl logs sidecar -c setup
