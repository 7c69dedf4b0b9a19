kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl expose deployment web --port=8080 --target-port=80
kubectl run echo --image=hashicorp/http-echo -- -text=hello-from-echo
kubectl port-forward
kubectl port-forward web 8080:80
kubectl port-forward pod/echo 5678
sleep 30
kubectl port-forward pod/echo 5678 &
curl -s localhost:5678
curl -s http://127.0.0.1:5678/anything
kubectl port-forward svc/web 9090:8080 --address 0.0.0.0 &
curl -s localhost:9090 | head -4
kubectl port-forward deploy/web :80 &
jobs
kubectl port-forward pod/echo 5678:5678
kubectl port-forward pod/echo 8080:http
kubectl port-forward svc/web 8080:80
kubectl port-forward svc/web 8080:https
kubectl port-forward pod/echo 80:5678
kubectl port-forward pod/echo 5678:abc
kubectl port-forward --address 10.1.2.3 pod/echo 7000:5678
kubectl port-forward --address nope pod/echo 7000:5678
kubectl port-forward configmap/kube-root-ca.crt 7000:5678
kill %1
curl -s localhost:5678
echo "exit $?"
kubectl port-forward pod/echo 7001:5679 &
curl localhost:7001
sleep 1
curl localhost:7001
kubectl port-forward pod/echo 7002:5678
echo "exit $?"
fg %3
echo "exit $?"
jobs
kill %2
jobs
cat <<EOF2 | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: udp
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    ports:
    - containerPort: 5000
      protocol: UDP
      name: syslog
EOF2
kubectl port-forward udp 5000
kubectl port-forward udp 6000:syslog
