# kubelab: --seed 16
kubectl run counter --image=busybox:1.36 -- /bin/sh -c 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'
kubectl logs counter
sleep 6
kubectl logs counter
kubectl logs counter --tail=2
kubectl logs counter --tail=1 --timestamps
kubectl logs counter --since=2s
kubectl logs counter -p
kubectl logs counter -c nope
kubectl logs pod/counter -c counter --tail=1
kubectl logs
kubectl logs missing
cat <<EOF > two.yaml
apiVersion: v1
kind: Pod
metadata:
  name: two
  labels:
    app: two
spec:
  containers:
  - name: a
    image: busybox:1.36
    command: ['sh', '-c', 'echo from a; printf "%s=%s\n" HOSTNAME \$HOSTNAME; sleep 3600']
  - name: b
    image: busybox:1.36
    env:
    - name: GREETING
      value: hello
    command: ['sh', '-c', 'for i in 1 2 3; do echo "\$GREETING \$i"; done; sleep 3600']
EOF
kubectl apply -f two.yaml
sleep 5
kubectl logs two
kubectl logs two -c b
kubectl logs two --all-containers
kubectl logs -l app=two --all-containers --prefix
kubectl run restarts --image=busybox:1.36 -- sh -c 'echo run at $(date +%T); sleep 3; exit 1'
sleep 6
kubectl logs restarts
kubectl logs restarts -p
kubectl run finite --image=busybox:1.36 --restart=Never -- sh -c 'for i in 1 2 3; do echo tick $i; sleep 2; done'
sleep 2
kubectl logs -f finite
kubectl get pod finite
kubectl create deployment web --image=nginx:1.27 --replicas=2
sleep 10
kubectl logs deploy/web --tail=3
kubectl run pi --image=perl:5.34.0 --restart=Never -- perl -Mbignum=bpi -wle 'print bpi(2000)'
sleep 40
kubectl get pod pi
kubectl logs pi
