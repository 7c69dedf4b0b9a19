kubectl create deployment web --image=nginx --replicas=2
sleep 20
POD=$(kubectl get pods -l app=web -o name | head -1)
echo "first pod: $POD"
echo $(echo nested $(echo deeper))
kubectl get $(kubectl get pods -l app=web -o name | tail -1) -o wide
echo "$(kubectl get nope)"
echo '$(not substituted)'
echo \$(not either)
