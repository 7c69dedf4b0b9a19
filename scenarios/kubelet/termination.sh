# kubelab: --seed 17
cat <<EOF > term.yaml
apiVersion: v1
kind: Pod
metadata:
  name: sleeper
spec:
  containers:
  - name: sleeper
    image: busybox:1.36
    command: ['sh', '-c', 'echo sleeping; sleep 3600']
---
apiVersion: v1
kind: Pod
metadata:
  name: quick
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: quick
    image: busybox:1.36
    command: ['sleep', '3600']
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    lifecycle:
      preStop:
        exec:
          command: ['sh', '-c', 'sleep 8']
---
apiVersion: v1
kind: Pod
metadata:
  name: slow-start
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 20; touch /tmp/started; sleep 3600']
    startupProbe:
      exec:
        command: ['cat', '/tmp/started']
      periodSeconds: 5
      failureThreshold: 10
EOF
kubectl apply -f term.yaml
sleep 10
kubectl get pods
kubectl delete pod sleeper quick web --wait=false
sleep 3
kubectl get pods
sleep 4
kubectl get pods
sleep 5
kubectl get pods
sleep 20
kubectl get pods
kubectl get events --field-selector reason=Killing
kubectl get pod slow-start -o jsonpath='{.status.containerStatuses[0].started} {.status.containerStatuses[0].ready}'
echo
