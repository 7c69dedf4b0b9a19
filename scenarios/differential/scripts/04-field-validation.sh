# Unknown fields: kubectl sends fieldValidation=Strict by default (--validate=warn: Warn, --validate=false:
# Ignore; kubectl patch sends none, so the server warns), and the server answers in the strict
# decoder's words; unknown fields never reach storage.
cat <<EOF2 > pod.yaml
kind: Pod
apiVersion: v1
metadata:
  name: typo
spec:
  restartPolicyy: Always
  containers:
  - image: nginx
    imagee: nginx
    name: web
    port: 80
EOF2
kubectl create -f pod.yaml
kubectl apply -f pod.yaml --validate=foo
kubectl apply -f pod.yaml --validate=warn
kubectl get pod typo -o jsonpath='{.spec.containers[0]}{"\n"}'
kubectl replace -f pod.yaml
kubectl replace -f pod.yaml --validate=false
kubectl delete pod typo
kubectl create -f pod.yaml --validate=ignore
kubectl patch pod typo -p '{"spec":{"containers":[{"name":"web","imagee":"nginx:1.27"}]}}'
kubectl patch pod typo --type=merge -p '{"metadata":{"labelz":{"a":"b"}}}'
kubectl get pod typo -o jsonpath='{.metadata}{"\n"}'
kubectl delete pod typo
kubectl apply -f pod.yaml --validate=warn
kubectl apply -f pod.yaml
