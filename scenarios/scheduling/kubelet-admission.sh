# A pod with spec.nodeName skips the scheduler, but the kubelet checks it again before starting it.
cat <<EOF > big.yaml
apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  nodeName: kind-worker
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "64"
EOF
kubectl apply -f big.yaml
sleep 5
kubectl get pod big -o wide
kubectl get events --field-selector involvedObject.name=big
kubectl describe pod big | grep -E '^(Status|Reason|Message):'
kubectl taint nodes kind-worker2 maintenance=now:NoExecute
kubectl run pinned --image=nginx:1.27 --overrides='{"apiVersion":"v1","spec":{"nodeName":"kind-worker2"}}'
sleep 5
kubectl get events --field-selector involvedObject.name=pinned
kubectl run web1 --image=nginx:1.27 --overrides='{"apiVersion":"v1","spec":{"nodeName":"kind-worker","containers":[{"name":"web1","image":"nginx:1.27","ports":[{"containerPort":80,"hostPort":8080}]}]}}'
kubectl run web2 --image=nginx:1.27 --overrides='{"apiVersion":"v1","spec":{"nodeName":"kind-worker","containers":[{"name":"web2","image":"nginx:1.27","ports":[{"containerPort":80,"hostPort":8080}]}]}}'
sleep 10
kubectl get pods web1 web2
kubectl delete pod big pinned web2
kubectl get pods
