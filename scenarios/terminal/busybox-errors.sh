# busybox words file errors its own way (and ls exits 1); GNU ls and bash in a Debian image keep theirs (ls exits 2).
kubectl run box --image=busybox -- sleep 3600
kubectl run web --image=nginx
kubectl wait --for=condition=Ready pod/box pod/web --timeout=60s
kubectl exec box -- ls /nope
echo $?
kubectl exec box -- cat /nope
kubectl exec box -- cat /tmp
kubectl exec box -- rm /nope
kubectl exec box -- rm /tmp
kubectl exec box -- mkdir /tmp
kubectl exec box -- touch /nope/file
kubectl exec box -- sh -c 'cd /nope; echo "status $?"'
kubectl exec web -- ls /nope
kubectl exec web -- cat /nope
kubectl exec web -- rm /tmp
ls /nope
echo $?
kubectl exec web -- touch /nope/file
