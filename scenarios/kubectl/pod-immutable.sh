# A pod's spec is fixed once it exists, but for images, activeDeadlineSeconds, added tolerations and removed scheduling gates.
cat <<YAML > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
YAML
kubectl apply -f pod.yaml
sleep 10
sed -i 's/nginx:1.27/nginx:1.28/' pod.yaml
kubectl apply -f pod.yaml
kubectl get pod web -o jsonpath='{.spec.containers[0].image}{"\n"}'
sed -i 's/containerPort: 80/containerPort: 8080/' pod.yaml
kubectl apply -f pod.yaml
echo $?
kubectl get pod web -o jsonpath='{.spec.containers[0].ports[0].containerPort}{"\n"}'
kubectl patch pod web -p '{"spec":{"nodeName":"kind-control-plane"}}'
kubectl patch pod web --type=json -p '[{"op":"add","path":"/spec/containers/-","value":{"name":"sidecar","image":"busybox"}}]'
kubectl patch pod web -p '{"spec":{"activeDeadlineSeconds":600}}'
kubectl patch pod web -p '{"spec":{"activeDeadlineSeconds":900}}'
kubectl patch pod web --type=json -p '[{"op":"remove","path":"/spec/activeDeadlineSeconds"}]'
kubectl patch pod web --type=json -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"dedicated","operator":"Exists","effect":"NoSchedule"}}]'
kubectl patch pod web --type=json -p '[{"op":"remove","path":"/spec/tolerations/0"}]'
kubectl set image pod/web web=nginx:1.29
kubectl label pod web tier=frontend
kubectl get pod web -o jsonpath='{.spec.containers[0].image} {.metadata.labels.tier} {.spec.activeDeadlineSeconds}{"\n"}'
