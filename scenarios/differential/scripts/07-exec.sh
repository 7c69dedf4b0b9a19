# kubectl exec: real kubectl v1.34 opens a WebSocket (v5.channel.k8s.io) to pods/exec; the command
# runs in the simulated container and its exit code comes back on the error channel.
kubectl run box --image=busybox:1.36 -- sleep 3600
kubectl create deployment web --image=nginx:1.27
sleep 20
kubectl exec box -- echo hello world
kubectl exec box -- sh -c 'echo out; echo err >&2; false'
kubectl exec box -- nosuchcmd
kubectl exec box -- ls /
kubectl exec box -- hostname
kubectl exec box -- cat /etc/resolv.conf
kubectl exec box -c box -- wget -qO- http://web
kubectl exec box -- nslookup web.default.svc.cluster.local
kubectl exec -q box -- env
echo 'echo from stdin; hostname' | kubectl exec -i box -- sh
kubectl exec box -c nope -- ls
kubectl exec nosuchpod -- ls
