kubectl create deployment web --image=nginx:1.14.2 --dry-run=client -o yaml > deployment.yaml
grep image: deployment.yaml
sed -i 's/nginx:1.14.2/nginx:1.16.1/' deployment.yaml
grep image: deployment.yaml
sed -n '1,4p' deployment.yaml
sed -n '/containers:/,/name:/p' deployment.yaml
sed -e 's/replicas: 1/replicas: 3/' -e '/creationTimestamp/d' deployment.yaml | grep -E 'replicas|creation'
sed 's/\(image\): \(.*\)/\2 is the \1/' deployment.yaml | grep 'is the'
sed -E 's/(name): (web)/\1=\2/g' deployment.yaml | grep =
sed 's/a/b' deployment.yaml
sed -n p missing.yaml
kubectl apply -f deployment.yaml
kubectl get deployment web -o yaml | sed -n '1,3p'
echo "hello" | tee out.txt
echo "again" | tee -a out.txt > /dev/null
cat out.txt
sleep 30
kubectl get pods -o name | sort | head -1 | xargs kubectl delete
echo kind-worker kind-worker2 | xargs -n 1 echo node:
kubectl get nodes -o name | xargs -I {} echo found {}
PORT=$(kubectl config view -o jsonpath='{.clusters[0].cluster.server}' | cut -d: -f3)
curl -k https://127.0.0.1:$PORT/version | grep gitVersion
curl -k https://127.0.0.1:$PORT/api/v1/pods
echo
curl -s https://127.0.0.1:$PORT/version; echo "exit $?"
curl localhost:8080
curl -s -o /dev/null -w '%{http_code}\n' localhost:8080
kubectl expose deployment web --port=80 --type=NodePort
sleep 5
IP=$(docker inspect -f '{{.NetworkSettings.Networks.kind.IPAddress}}' kind-worker)
NP=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://$IP:$NP/ | grep title
docker inspect -f '{{.Name}} {{.Config.Image}}' kind-control-plane
docker inspect --format '{{json .Config.Labels}}' kind-worker2
docker inspect -f '{{.State.Status}}' kind-worker nosuch
docker network ls
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{end}}' kind
docker kill nosuch
